"""Deprecated names that keep working for one release, each with a ``DeprecationWarning`` naming the new one.

Two helpers, so that no module copies the logic: :func:`renamed_arguments` for a keyword argument that has a
new name, and :func:`moved` for a module attribute that now lives elsewhere (or under another name).

>>> import warnings
>>> @renamed_arguments(top="k")
... def first(items, *, k=2):
...     return items[:k]
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     first(["الف", "ب", "پ"], top=1)
['الف']
>>> str(caught[0].message)
'first(): top= is deprecated and goes in the next release; use k='
"""

from __future__ import annotations

import functools
import importlib
import warnings
from collections.abc import Callable


def renamed_arguments(**old_to_new: str) -> Callable:
    """A decorator: the keyword arguments ``old`` of the function are accepted as ``new``, with a warning.

    Parameters
    ----------
    **old_to_new : str
        Each old keyword argument name and the new name it stands for.

    Returns
    -------
    Callable
        A decorator; the decorated function keeps its signature and docstring (``functools.wraps``). Giving
        both the old and the new name is a ``TypeError``.

    Examples
    --------
    >>> import warnings
    >>> @renamed_arguments(column="text_column")
    ... def head(df, *, text_column="text"):
    ...     return text_column
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     head(None, column="متن")
    'متن'
    """

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{fn.__name__}() got both {old}= (deprecated) and {new}=")
                    warnings.warn(
                        f"{fn.__name__}(): {old}= is deprecated and goes in the next release; use {new}=",
                        DeprecationWarning,
                        stacklevel=2,
                    )
                    kwargs[new] = kwargs.pop(old)
            return fn(*args, **kwargs)

        return wrapper

    return decorate


def moved(module: str, aliases: dict[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that resolves deprecated names: ``old`` gives ``"package.module:name"``, with a
    warning.

    The target is imported by name at the first access of the old name, so a module keeps no import of the
    module its old names moved to (which may sit above it in the layers).

    Parameters
    ----------
    module : str
        The name of the module the function serves (``__name__``), for the messages.
    aliases : dict of str to str
        Each old name and where it lives now, as ``"toolkit.evaluation:evaluate_zwnj"``.

    Returns
    -------
    Callable
        A function to assign to the module's ``__getattr__``; any other name is an ``AttributeError``.

    Examples
    --------
    >>> getattr_ = moved("toolkit.example", {"WORDS": "toolkit.chars:ZWNJ"})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     getattr_("WORDS") == "\\u200c"
    True
    """

    def __getattr__(name: str) -> object:
        if name not in aliases:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        target, _, attribute = aliases[name].partition(":")
        warnings.warn(
            f"{module}.{name} is deprecated and goes in the next release; use {target}.{attribute}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(target), attribute)

    return __getattr__
