"""Entry point of the PyInstaller bundle: the same `main` as the `opdc-reader` command."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
