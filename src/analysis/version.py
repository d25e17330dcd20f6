"""The package's version, in one place: ``analysis.__version__`` and the cache keys of ``analysis.scale``
read it (a module of its own, so that the cache keys need not import the whole package)."""

__all__ = ["__version__"]

__version__ = "0.1.0"
