"""What the commands print: the analyses' results as rich tables and text for the terminal,
in the command line's language. The domain packages (gap, study, ...) return data only."""
