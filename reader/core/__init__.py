"""Everything that is not a window. This package never imports Qt."""
