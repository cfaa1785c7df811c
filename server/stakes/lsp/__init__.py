"""The language server: a thin LSP presenter over ``stakes.engine``.

One module per feature (``sync``, ``diagnostics``, ``hover``, ``codelens``, ``codeactions``,
``commands``, ``regions``, ``configuration``, ``scan``); shared state lives on
``server.StakesServer``. Nothing here decides what is high-stakes: the engine does, so the
editor and ``stakes scan`` always agree.
"""
