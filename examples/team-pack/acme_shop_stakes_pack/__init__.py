"""Data-only package holding the ``acme-shop`` Stakes rule pack; Stakes never imports it."""
