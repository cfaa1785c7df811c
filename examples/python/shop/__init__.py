"""Shop: a small storefront backend (catalog, accounts, payments)."""
