import hashlib
from hashlib import md5 as h

def sign(data):
    # expect: weak-hash-call
    return hashlib.md5(data).hexdigest()

def sign2(data):
    # expect: weak-hash-call
    return h(data).hexdigest()

def cache_key(data):
    # ok: weak-hash-call
    return hashlib.md5(data, usedforsecurity=False).hexdigest()

def strong(data):
    # ok: weak-hash-call
    return hashlib.sha256(data).hexdigest()
