import hashlib
from hashlib import md5 as h

def sign(data):
    # expect: weak-hash-call
    return hashlib.md5(data).hexdigest()

def sign2(data):
    # expect: weak-hash-call
    return h(data).hexdigest()

def legacy(data):
    # expect: weak-hash-call
    return hashlib.new("sha1", data).hexdigest()

def cache_key(data):
    # ok: weak-hash-call
    return hashlib.md5(data, usedforsecurity=False).hexdigest()

def strong(data):
    # ok: weak-hash-call
    return hashlib.sha256(data).hexdigest()

def strong_named(data):
    # ok: weak-hash-call
    return hashlib.new("sha512", data).hexdigest()

class CartLine:
    # ok: weak-hash-call
    def __hash__(self):
        return hash((self.sku, self.quantity))
