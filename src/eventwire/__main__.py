"""``python -m eventwire ...``: the command line (same as the ``eventwire`` script)."""

from __future__ import annotations

from eventwire.cli import main

if __name__ == "__main__":
    main()
