"""``python -m inventory``: the ``inventory`` command (for an environment whose scripts
folder is not on the PATH)."""

from inventory.cli import main

if __name__ == "__main__":
    main()
