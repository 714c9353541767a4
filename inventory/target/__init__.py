"""The target architecture: its file format, loading and the proposal drafted from inventories."""
