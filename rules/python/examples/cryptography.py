import hashlib
import hmac
import os
import zlib

from Crypto.Cipher import AES, DES
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

# expect: symmetric-encryption-call
_fernet = Fernet(os.environ["FIELD_KEY"].encode())


def sign_export(payload, key):
    # expect: hmac-call
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def webhook_digest(secret, body):
    # expect: hmac-call
    return hmac.digest(secret, body, "sha256")


def etag(body):
    # ok: hmac-call
    return f'W/"{zlib.crc32(body):08x}"'


def checksum(body):
    # ok: hmac-call, symmetric-encryption-call
    return hashlib.sha256(body).hexdigest()


def encrypt_field(value):
    # expect: symmetric-encryption-call
    return _fernet.encrypt(value.encode())


def seal(key, data):
    # expect: symmetric-encryption-call
    aead = AESGCM(key)
    # ok: symmetric-encryption-call
    nonce = os.urandom(12)
    return nonce + aead.encrypt(nonce, data, None)


def encode_page(cursor):
    # ok: symmetric-encryption-call
    return codec.encode(cursor)


def legacy_decrypt(key, blob):
    # expect: weak-cipher-call
    cipher = DES.new(key, DES.MODE_ECB)
    # expect: weak-cipher-call, symmetric-encryption-call
    other = AES.new(key, AES.MODE_ECB)
    return cipher.decrypt(blob), other


def hazmat(key, iv):
    # expect: weak-cipher-call, symmetric-encryption-call
    ecb = Cipher(algorithms.AES(key), modes.ECB())
    # ok: weak-cipher-call
    # expect: symmetric-encryption-call
    gcm = AES.new(key, AES.MODE_GCM, nonce=iv)
    return ecb, gcm


def modes_of_transport():
    # ok: weak-cipher-call
    return {"mode": "ECB-bus"}, transport.modes()


def new_keypair():
    # expect: asymmetric-key-call
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    # expect: asymmetric-key-call
    pem = serialization.load_pem_private_key(open("k.pem", "rb").read(), password=None)
    return key, pem


def lexer_keys(tokens):
    # ok: asymmetric-key-call
    key = tokens.public_key_name()
    # ok: asymmetric-key-call, key-derivation-call
    return {"private_key": key}


def derive(password, salt):
    # expect: key-derivation-call
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=600_000)
    # expect: key-derivation-call
    raw = hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)
    return kdf.derive(password), raw


def cache_key(name):
    # ok: key-derivation-call
    return hashlib.blake2b(name.encode(), digest_size=16).hexdigest()
