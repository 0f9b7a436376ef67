"""The shared core: errors, text and number handling, rates, the words users read (both languages), privacy, the cell grid and legacy encodings. Imports nothing else of the package."""
