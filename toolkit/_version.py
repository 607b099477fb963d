"""The toolkit's version, in a module of its own so that any layer can record it without importing the
package's public API (``toolkit/__init__.py``, which sits above every layer)."""

__version__ = "0.1.0"
