"""Entry point of the PyInstaller bundle: the same `main` as the `opdc-reader` command.

The window runs source updates and index syncs in a spawned child process
(reader/core/offload.py). A bundle starts such a child by running itself again with
multiprocessing's arguments; freeze_support() turns that run into the child, before
anything of the app starts, and the flag tells offload that children work here.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.opdc_freeze_support = True  # type: ignore[attr-defined]

    from reader.cli import main

    sys.exit(main())
