"""Download the pinned packages of the quality development set and extract the files we label.

Why pinned and hashed: the labels in ``labels.yaml`` name functions by path and qualified name, so
the set is only meaningful against exactly the code that was read when labelling. Every archive is
fetched with the registry's own client (pip, npm, apt-get), its SHA-256 is checked against the value
recorded here, and only the files under each source's ``include`` globs are extracted, so the scan
covers the code we labelled and its immediate neighbours rather than whole frameworks.

Layout (all under ``bench/.cache/quality/``, which git ignores)::

    downloads/            the archives as fetched
    src/<name>/<path>     extracted files; ``<name>/<path>`` is the ``path`` used in labels.yaml

Run ``python bench/quality/fetch.py`` (add ``--force`` to re-extract). Debian packages need
``apt-get update`` to have been run once on the machine.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CACHE = HERE.parent / ".cache" / "quality"


@dataclass(frozen=True)
class Source:
    """One pinned archive and the part of it that belongs to the development set."""

    name: str  # directory under src/ and the first segment of every label path
    registry: str  # "pypi", "npm" or "deb"
    spec: str  # what the registry client is asked for, version included
    filename: str  # the file the client writes
    sha256: str
    strip: str  # prefix removed from member paths (the archive's own top directory)
    include: tuple[str, ...]  # fnmatch globs on the stripped path
    exclude: tuple[str, ...] = ("*_test.go", "*/testdata/*", "*/tests/*", "*/migrations/*")
    inner_zip: str = ""  # for archives that wrap a zip (the JDK's src.zip)
    note: str = field(default="", compare=False)


GO = "usr/share/gocode/src/"

SOURCES: tuple[Source, ...] = (
    # --- Python (PyPI sdists) -------------------------------------------------------------
    Source(
        "django",
        "pypi",
        "Django==5.2.19",
        "django-5.2.19.tar.gz",
        "ad03d8abc51dbff95ebf34b27123cf0c26a3b62db7ba0cd520783686362533d1",
        "django-5.2.19/",
        (
            "django/contrib/auth/*.py",
            "django/contrib/auth/handlers/*.py",
            "django/contrib/sessions/*.py",
            "django/contrib/sessions/backends/*.py",
            "django/core/signing.py",
            "django/middleware/csrf.py",
            "django/middleware/security.py",
            "django/utils/crypto.py",
            "django/utils/text.py",
            "django/utils/html.py",
            "django/utils/cache.py",
            "django/utils/http.py",
            "django/utils/hashable.py",
            "django/core/paginator.py",
            "django/core/cache/backends/base.py",
            "django/db/backends/utils.py",
            "django/template/base.py",
        ),
    ),
    Source(
        "djangorestframework",
        "pypi",
        "djangorestframework==3.18.3",
        "djangorestframework-3.18.3.tar.gz",
        "446a9b352e7eff630421ab3f2328bd2401b109a9470afa4a31189994911ed030",
        "djangorestframework-3.18.3/",
        (
            "rest_framework/permissions.py",
            "rest_framework/authentication.py",
            "rest_framework/pagination.py",
            "rest_framework/authtoken/models.py",
        ),
    ),
    Source(
        "passlib",
        "pypi",
        "passlib==1.7.4",
        "passlib-1.7.4.tar.gz",
        "defd50f72b65c5402ab2c573830a6978e5f202ad0d984793c8dde2c4152ebe04",
        "passlib-1.7.4/",
        (
            "passlib/context.py",
            "passlib/apache.py",
            "passlib/pwd.py",
            "passlib/handlers/pbkdf2.py",
            "passlib/handlers/bcrypt.py",
            "passlib/utils/__init__.py",
            "passlib/utils/binary.py",
        ),
    ),
    Source(
        "itsdangerous",
        "pypi",
        "itsdangerous==2.2.0",
        "itsdangerous-2.2.0.tar.gz",
        "e0050c0b7da1eea53ffaf149c0cfbb5c6e2e2b69c4bef22c81fa6eb73e5f6173",
        "itsdangerous-2.2.0/",
        ("src/itsdangerous/*.py",),
    ),
    Source(
        "oauthlib",
        "pypi",
        "oauthlib==4.0.1",
        "oauthlib-4.0.1.tar.gz",
        "3d73febdb6faa00f277c81fb04be7b7586fb96fc3b7f0b9c772dada69a25ede7",
        "oauthlib-4.0.1/",
        (
            "oauthlib/common.py",
            "oauthlib/uri_validate.py",
            "oauthlib/oauth1/rfc5849/signature.py",
            "oauthlib/oauth2/rfc6749/tokens.py",
            "oauthlib/oauth2/rfc6749/parameters.py",
            "oauthlib/oauth2/rfc6749/utils.py",
            "oauthlib/oauth2/rfc6749/errors.py",
            "oauthlib/oauth2/rfc6749/clients/base.py",
        ),
    ),
    # --- JavaScript and TypeScript (npm tarballs) ------------------------------------------
    Source(
        "express-session",
        "npm",
        "express-session@1.19.0",
        "express-session-1.19.0.tgz",
        "f6ee8192c20fcdbdc35e19959a15bb631ba74b95fa3224eae6a179c910765ce3",
        "package/",
        ("index.js", "session/*.js"),
    ),
    Source(
        "jose",
        "npm",
        "jose@6.2.18",
        "jose-6.2.18.tgz",
        "74f10b4021f84c0f926bcdd9fac19baf37bb6e555692fd8a106abade3ba39204",
        "package/dist/",
        (
            "webapi/lib/*.js",
            "webapi/util/*.js",
            "webapi/jws/*/*.js",
            "webapi/jwt/*.js",
            "webapi/key/*.js",
        ),
        note="only dist/ is published; the build output is readable, unminified ES modules",
    ),
    Source(
        "bcryptjs",
        "npm",
        "bcryptjs@3.0.3",
        "bcryptjs-3.0.3.tgz",
        "419a1c3122155f61c46eda54e851ba238272f8bd3859005a91b891020b0efc2c",
        "package/",
        ("index.js",),
    ),
    Source(
        "cookie-session",
        "npm",
        "cookie-session@2.1.1",
        "cookie-session-2.1.1.tgz",
        "27b3b057fec56d188779243c5b74266eb5209bf2a60d20526f589519e0b7035e",
        "package/",
        ("index.js",),
    ),
    Source(
        "helmet",
        "npm",
        "helmet@8.3.0",
        "helmet-8.3.0.tgz",
        "b8a9ed18c15665bf2de38f409468904dd3d4bbb849b946f6b4557ee7e7ab449b",
        "package/",
        ("index.mjs",),
    ),
    Source(
        "tsscmp",
        "npm",
        "tsscmp@1.0.6",
        "tsscmp-1.0.6.tgz",
        "0abaf4f02f0140b331fe6125b7556d5974a627a53734f73ce4c46f5615d1f9de",
        "package/",
        ("lib/index.js",),
    ),
    Source(
        "iron-session",
        "npm",
        "iron-session@9.0.1",
        "iron-session-9.0.1.tgz",
        "d64d2a0db9e7904c9c152221d56cffaf0288bb514c05e1f58b0ad8c37f04e501",
        "package/dist/",
        ("index.js",),
    ),
    Source(
        "oauth4webapi",
        "npm",
        "oauth4webapi@3.8.8",
        "oauth4webapi-3.8.8.tgz",
        "bac088aecc7cc80e2469b08592c8eb01b9ae6d4a749d89a6016aa54bb1533690",
        "package/build/",
        ("index.js",),
    ),
    Source(
        "etag",
        "npm",
        "etag@2.0.0",
        "etag-2.0.0.tgz",
        "722f526b643afbc61a6ccc48ac95caf8d883e48ad74a8c96ad6b1e9559a63495",
        "package/dist/",
        ("index.js",),
    ),
    Source(
        "js-tokens",
        "npm",
        "js-tokens@10.0.0",
        "js-tokens-10.0.0.tgz",
        "b6867f1af4cf2c6e46fd94871944bf49fcc32ab1730bc829807812a87960c9cd",
        "package/",
        ("index.js",),
    ),
    Source(
        "slugify",
        "npm",
        "slugify@1.6.9",
        "slugify-1.6.9.tgz",
        "19ab247286f687aa8803b3615eab0779f517904ec96298e5005ff4de77ff9948",
        "package/",
        ("slugify.js",),
    ),
    Source(
        "escape-html",
        "npm",
        "escape-html@1.0.3",
        "escape-html-1.0.3.tgz",
        "a101155c3cbdfb1e4f98f2f83c8b5e392db6accfa606df0eba8b87a5762b0366",
        "package/",
        ("index.js",),
    ),
    Source(
        "paginator",
        "npm",
        "paginator@1.0.0",
        "paginator-1.0.0.tgz",
        "e724d6418cfe15b0527f0346b9701be4c5e3b06a154943f221a0f98d88ee5d01",
        "package/",
        ("index.js",),
    ),
    Source(
        "cookie",
        "npm",
        "cookie@2.0.2",
        "cookie-2.0.2.tgz",
        "8f3695787799a176436c39dfce0a0a58ae23a528524e13e4199f5a075c9a5b7d",
        "package/dist/",
        ("index.js",),
    ),
    Source(
        "auth-core",
        "npm",
        "@auth/core@0.41.3",
        "auth-core-0.41.3.tgz",
        "e2d37f710957a83811c88d65a22cbbcfda89cf811970786c5e33c1d13d2171b2",
        "package/src/",
        (
            "jwt.ts",
            "errors.ts",
            "lib/actions/callback/oauth/checks.ts",
            "lib/actions/callback/oauth/csrf-token.ts",
            "lib/actions/signin/authorization-url.ts",
            "lib/actions/session.ts",
            "lib/utils/cookie.ts",
            "lib/utils/date.ts",
            "lib/utils/web.ts",
            "lib/utils/env.ts",
            "lib/utils/callback-url.ts",
            "lib/utils/merge.ts",
            "lib/utils/logger.ts",
            "lib/utils/assert.ts",
            "lib/utils/actions.ts",
            "lib/utils/email.ts",
            "lib/vendored/cookie.ts",
            "lib/actions/callback/handle-login.ts",
            "lib/actions/signout.ts",
            "lib/actions/signin/send-token.ts",
            "lib/utils/session.ts",
            "lib/utils/providers.ts",
            "lib/utils/webauthn-utils.ts",
            "lib/pages/*.tsx",
        ),
        note="TypeScript sources are published beside the build output under src/",
    ),
    # --- Go (Debian golang-*-dev packages) ------------------------------------------------
    Source(
        "golang-jwt",
        "deb",
        "golang-github-golang-jwt-jwt-dev=4.4.3-1",
        "golang-github-golang-jwt-jwt-dev_4.4.3-1_all.deb",
        "dc7e6d73585a767cc6a277b9b5fd40a6c1f2d3f8d01c918d06e437acfb9c7b71",
        f"./{GO}github.com/golang-jwt/jwt/",
        ("*.go", "request/*.go"),
    ),
    Source(
        "securecookie",
        "deb",
        "golang-github-gorilla-securecookie-dev=1.1.1-2",
        "golang-github-gorilla-securecookie-dev_1.1.1-2_all.deb",
        "b0555128cebd7255a418d1678cb15c7862181ee8550d36fca9dfb640dd20e72e",
        f"./{GO}github.com/gorilla/securecookie/",
        ("securecookie.go",),
    ),
    Source(
        "gorilla-sessions",
        "deb",
        "golang-github-gorilla-sessions-dev=1.2.1-1",
        "golang-github-gorilla-sessions-dev_1.2.1-1_all.deb",
        "a32f23424566edbf0a9b8afe39a953644721d5b5530962c5fccd259aeaf93bca",
        f"./{GO}github.com/gorilla/sessions/",
        ("*.go",),
    ),
    Source(
        "gorilla-csrf",
        "deb",
        "golang-github-gorilla-csrf-dev=1.7.1-1",
        "golang-github-gorilla-csrf-dev_1.7.1-1_all.deb",
        "5da260b29c4dc14a17d9fc9c1303b49a18f54b1975f832a294c8e9a6487ab5b4",
        f"./{GO}github.com/gorilla/csrf/",
        ("*.go",),
    ),
    Source(
        "oauth2",
        "deb",
        "golang-golang-x-oauth2-dev=0.3.0-1",
        "golang-golang-x-oauth2-dev_0.3.0-1_all.deb",
        "4eb6976fceb61cafba5f9a75e39a6a4b0b13bf6b3923f5c0a1416bfb74cc0fac",
        f"./{GO}golang.org/x/oauth2/",
        (
            "oauth2.go",
            "token.go",
            "transport.go",
            "internal/*.go",
            "jws/jws.go",
            "jwt/jwt.go",
            "clientcredentials/*.go",
        ),
    ),
    Source(
        "gorilla-mux",
        "deb",
        "golang-github-gorilla-mux-dev=1.8.0-1",
        "golang-github-gorilla-mux-dev_1.8.0-1_all.deb",
        "0880a4019fe68496a0e0a749c2948c029e489f49edd448bed2fedaba33f848c2",
        f"./{GO}github.com/gorilla/mux/",
        ("mux.go", "route.go", "regexp.go", "middleware.go"),
    ),
    Source(
        "go-humanize",
        "deb",
        "golang-github-dustin-go-humanize-dev=1.0.0-3",
        "golang-github-dustin-go-humanize-dev_1.0.0-3_all.deb",
        "b4d1a9d00e0c8af421a30e683bf36e14ba99fa621d3f698220f9af0420bd330c",
        f"./{GO}github.com/dustin/go-humanize/",
        ("*.go",),
    ),
    Source(
        "paginater",
        "deb",
        "golang-github-unknwon-paginater-dev=0.0~git20170405.0.45e5d63-7",
        "golang-github-unknwon-paginater-dev_0.0~git20170405.0.45e5d63-7_all.deb",
        "8eb9a0f6ff52a3922134bd627e19b72fc994ed872fa0f51118b6a2b3031f162a",
        f"./{GO}github.com/Unknwon/paginater/",
        ("paginater.go",),
    ),
    # --- Java (the JDK's own sources; Debian's lib*-java packages ship only jars) ---------
    Source(
        "jdk",
        "deb",
        "openjdk-17-source=17.0.21.1+2-1~deb12u1",
        "openjdk-17-source_17.0.21.1+2-1~deb12u1_all.deb",
        "5106aa3881e3b49568823ebdfc3755d4043f6f53bbfc996d0efee03172dc0a9b",
        "",
        (
            "java.base/javax/crypto/Mac.java",
            "java.base/javax/crypto/spec/PBEKeySpec.java",
            "java.base/java/security/MessageDigest.java",
            "java.base/java/net/HttpCookie.java",
            "java.base/java/net/PasswordAuthentication.java",
            "java.base/java/util/StringTokenizer.java",
            "java.base/java/util/Base64.java",
            "java.base/java/util/Objects.java",
            "java.base/java/util/UUID.java",
            "java.base/java/util/zip/CRC32.java",
            "java.base/java/util/HexFormat.java",
            "jdk.httpserver/com/sun/net/httpserver/BasicAuthenticator.java",
            "java.management/com/sun/jmx/remote/security/JMXPluggableAuthenticator.java",
        ),
        inner_zip="./usr/lib/jvm/openjdk-17/lib/src.zip",
        note="a security update of the JDK replaces this version in Debian; update the pin then",
    ),
)


# --- Held-out set: other packages, labelled by the same rules, scored with holdout.yaml -------
# Rules are tuned against labels.yaml; this set measures whether that tuning generalises.
HOLDOUT_SOURCES: tuple[Source, ...] = (
    Source(
        "pyjwt",
        "pypi",
        "PyJWT==2.15.1",
        "pyjwt-2.15.1.tar.gz",
        "4f259e80cdfb6b3fc18a7de51fd1ef9ec79652f25019bae68975ca2468a34df8",
        "pyjwt-2.15.1/",
        ("jwt/*.py",),
    ),
    Source(
        "flask-login",
        "pypi",
        "Flask-Login==0.6.3",
        "Flask-Login-0.6.3.tar.gz",
        "5e23d14a607ef12806c699590b89d0f0e0d67baeec599d75947bf9c147330333",
        "Flask-Login-0.6.3/",
        ("src/flask_login/*.py",),
    ),
    Source(
        "werkzeug",
        "pypi",
        "Werkzeug==3.1.9",
        "werkzeug-3.1.9.tar.gz",
        "55ca7c70a75689be937aa27f8ff4b018f06ff4838fc73045560bf0f5a1291060",
        "werkzeug-3.1.9/",
        ("src/werkzeug/security.py", "src/werkzeug/http.py", "src/werkzeug/utils.py"),
    ),
    Source(
        "flask",
        "pypi",
        "Flask==3.1.3",
        "flask-3.1.3.tar.gz",
        "0ef0e52b8a9cd932855379197dd8f94047b359ca0a78695144304cb45f87c9eb",
        "flask-3.1.3/",
        ("src/flask/sessions.py", "src/flask/helpers.py"),
    ),
    Source(
        "jsonwebtoken",
        "npm",
        "jsonwebtoken@9.0.3",
        "jsonwebtoken-9.0.3.tgz",
        "d9af2628a7a4dda25acf1e19c7ecc2468e1e9e8d4619fe2cae829e89d96f6b82",
        "package/",
        ("*.js", "lib/*.js"),
    ),
    Source(
        "passport",
        "npm",
        "passport@0.7.0",
        "passport-0.7.0.tgz",
        "f69294d05ec9e1ccad27dde98ef81e7240f321d61a4916d804e76750855267b5",
        "package/",
        ("lib/**/*.js",),
    ),
    Source(
        "passport-local",
        "npm",
        "passport-local@1.0.0",
        "passport-local-1.0.0.tgz",
        "75bc8a1bbd5361f9e946eba72e3a88805ddfbd2fe6975988e8e10bb94988d1f0",
        "package/",
        ("lib/*.js",),
    ),
    Source(
        "csrf",
        "npm",
        "csrf@3.1.0",
        "csrf-3.1.0.tgz",
        "a8874c97e750ceb49aecb007bdf3a4925a354acd5415cdf3f04e77582e19707e",
        "package/",
        ("index.js",),
    ),
    Source(
        "cookie-signature",
        "npm",
        "cookie-signature@1.2.2",
        "cookie-signature-1.2.2.tgz",
        "4d2bbaaf1c299e60ef0d7df952b52af95b20d56cbcbd4468d4210650083553d3",
        "package/",
        ("index.js",),
    ),
    Source(
        "basic-auth",
        "npm",
        "basic-auth@3.1.0",
        "basic-auth-3.1.0.tgz",
        "4c6963083ff28c0de7a9dad858f17b236d541805174e457e4802c52006159679",
        "package/dist/",  # the scanner skips dist/ folders as build output; this is the source
        ("*.js",),
    ),
    Source(
        "cors",
        "npm",
        "cors@2.8.6",
        "cors-2.8.6.tgz",
        "32242124397140800e1238a252b4cd74669d58c81b655d9d3721789b56c1c1ff",
        "package/",
        ("lib/index.js",),
    ),
    Source(
        "fresh",
        "npm",
        "fresh@2.0.0",
        "fresh-2.0.0.tgz",
        "ad08397ab05f62b2b507682e23aad699cf8cc33922e0030be0cb640a23277ad7",
        "package/",
        ("index.js",),
    ),
    Source(
        "vary",
        "npm",
        "vary@1.1.2",
        "vary-1.1.2.tgz",
        "7378860671377a35e7a443ecfdca0745cfd066f595c90d581b827defea246e71",
        "package/",
        ("index.js",),
    ),
    Source(
        "bytes",
        "npm",
        "bytes@3.1.2",
        "bytes-3.1.2.tgz",
        "835e37ad5a40da45eaed6e32d99847627a15b2a4671741182521fe48dee3c581",
        "package/",
        ("index.js",),
    ),
    Source(
        "content-disposition",
        "npm",
        "content-disposition@3.1.0",
        "content-disposition-3.1.0.tgz",
        "ceec325ebca98c3bb4e62e722cefd4fe8b510833aae1b7165ba49082838c68dd",
        "package/dist/",  # the scanner skips dist/ folders; here it is the source
        ("index.js",),
    ),
    Source(
        "next-auth",
        "npm",
        "next-auth@4.24.15",
        "next-auth-4.24.15.tgz",
        "262b7d72129fc013ea34939b0e766de614cc97270892dc6afad193eec8301d5c",
        "package/src/",
        (
            "core/lib/*.ts",
            "core/lib/oauth/*.ts",
            "jwt/*.ts",
            "utils/*.ts",
            "core/pages/*.tsx",
            "next/middleware.ts",
            "core/errors.ts",
        ),
        note="next-auth 4 publishes its TypeScript sources under src/",
    ),
    Source(
        "zod",
        "npm",
        "zod@4.6.7",
        "zod-4.6.7.tgz",
        "84efd155bed93270286e793fc951be270b536cbd5b0eeb111f0fa3967201d698",
        "package/src/",
        ("v4/core/util.ts", "v4/core/regexes.ts"),
    ),
    Source(
        "gin-jwt",
        "deb",
        "golang-github-appleboy-gin-jwt-dev=2.6.4-2",
        "golang-github-appleboy-gin-jwt-dev_2.6.4-2_all.deb",
        "87e10d5d86f654e516718cdb9fc524a5fcd1a43764fc7d546bee04508ae7d4e6",
        f"./{GO}github.com/appleboy/gin-jwt/",
        ("*.go",),
    ),
    Source(
        "x-crypto",
        "deb",
        "golang-golang-x-crypto-dev=1:0.4.0-1",
        "golang-golang-x-crypto-dev_1%3a0.4.0-1_all.deb",
        "7047f0b62317fddfbbe934902e7889452569ba932c31e3eaa6ab7144c0da3593",
        f"./{GO}golang.org/x/crypto/",
        ("bcrypt/*.go", "pbkdf2/*.go", "hkdf/*.go", "argon2/argon2.go", "nacl/secretbox/*.go"),
    ),
    Source(
        "gorilla-websocket",
        "deb",
        "golang-github-gorilla-websocket-dev=1.5.0-2",
        "golang-github-gorilla-websocket-dev_1.5.0-2_all.deb",
        "c43a1b15cf1446303e8683b3c877c04c88ea813c6b201876eac9388d60240ff1",
        f"./{GO}github.com/gorilla/websocket/",
        ("util.go", "server.go", "client.go", "mask.go", "json.go"),
    ),
    Source(
        "gorilla-handlers",
        "deb",
        "golang-github-gorilla-handlers-dev=1.5.1-3",
        "golang-github-gorilla-handlers-dev_1.5.1-3_all.deb",
        "b74008ce7b10f9d7b971289ccfff9183229aefc6157e8ef0c52b90fddcdc79c5",
        f"./{GO}github.com/gorilla/handlers/",
        ("cors.go", "logging.go", "compress.go", "proxy_headers.go", "canonical.go"),
    ),
    Source(
        "google-uuid",
        "deb",
        "golang-github-google-uuid-dev=1.3.0-1",
        "golang-github-google-uuid-dev_1.3.0-1_all.deb",
        "f79ead959ee04842fcb410347e7023a3c4c357c17f77b9bb13cff30ef4353351",
        f"./{GO}github.com/google/uuid/",
        ("uuid.go", "hash.go", "version4.go", "marshal.go", "util.go"),
    ),
)


def sha256_of(path: Path) -> str:
    """Hash in chunks: the JDK source package is ~50 MB."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def download(source: Source, downloads: Path) -> Path:
    """Fetch one archive with its registry's client unless it is already there."""
    target = downloads / source.filename
    if target.exists():
        return target
    downloads.mkdir(parents=True, exist_ok=True)
    if source.registry == "pypi":
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--dest",
            str(downloads),
            source.spec,
        ]
    elif source.registry == "npm":
        cmd = ["npm", "pack", "--silent", "--pack-destination", str(downloads), source.spec]
    elif source.registry == "deb":
        cmd = ["apt-get", "download", "-q", source.spec]
    else:
        raise SystemExit(f"{source.name}: unknown registry {source.registry!r}")
    print(f"fetch {source.spec}", file=sys.stderr)
    result = subprocess.run(cmd, cwd=downloads, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not target.exists():
        hint = " (run `apt-get update` first)" if source.registry == "deb" else ""
        raise SystemExit(f"{source.name}: `{' '.join(cmd)}` failed{hint}:\n{result.stderr.strip()}")
    return target


def members(archive: Path, source: Source) -> Iterator[tuple[str, bytes]]:
    """Yield (member path, content) for every regular file in the archive."""
    if source.registry == "deb":
        tar_bytes = subprocess.run(
            ["dpkg-deb", "--fsys-tarfile", str(archive)], capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as tar:
            if source.inner_zip:
                inner = tar.extractfile(source.inner_zip)
                if inner is None:
                    raise SystemExit(f"{source.name}: {source.inner_zip} missing in {archive}")
                with zipfile.ZipFile(io.BytesIO(inner.read())) as zipped:
                    for info in zipped.infolist():
                        if not info.is_dir():
                            yield info.filename, zipped.read(info)
                return
            yield from _tar_members(tar)
        return
    with tarfile.open(archive) as tar:
        yield from _tar_members(tar)


def _tar_members(tar: tarfile.TarFile) -> Iterator[tuple[str, bytes]]:
    for info in tar:
        if info.isfile():
            handle = tar.extractfile(info)
            if handle is not None:
                yield info.name, handle.read()


def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a path glob in which ``*`` stays inside one directory and ``**/`` spans many.

    fnmatch's ``*`` crosses ``/``, which would pull ``cmd/jwt/main.go`` into ``*.go``.
    """
    out = []
    for part in re.split(r"(\*\*/|\*|\?)", pattern):
        if part == "**/":
            out.append("(?:.*/)?")
        elif part == "*":
            out.append("[^/]*")
        elif part == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out) + r"\Z")


def selected(relative: str, source: Source) -> bool:
    """True when a stripped member path belongs to the development set.

    Exclusions use fnmatch on purpose: ``*/tests/*`` should drop tests at any depth.
    """
    if any(fnmatch.fnmatchcase("/" + relative, pattern) for pattern in source.exclude):
        return False
    return any(glob_regex(pattern).match(relative) for pattern in source.include)


def extract(source: Source, archive: Path, dest: Path) -> int:
    """Write the selected files under dest/<name>/ and return how many were written."""
    root = dest / source.name
    if root.exists():
        shutil.rmtree(root)
    count = 0
    for name, data in members(archive, source):
        if not name.startswith(source.strip):
            continue
        relative = name[len(source.strip) :]
        if not selected(relative, source):
            continue
        out = root / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        count += 1
    if count == 0:
        raise SystemExit(f"{source.name}: no file matched {source.include} under {source.strip!r}")
    return count


# --- Second held-out set: each file under holdout2/ carries its own sources and labels -------
# The first held-out set was looked at while rules were widened, so it is no longer held out.
# A fresh set lives in holdout2/<group>.yaml as {sources: [...], labels: [...]}, so that the
# packages and the functions read in them stay together and several people can label at once.
# Each held-out set after the first is such a folder: holdout2/, holdout3/, ...
FOLDER_SETS = tuple(sorted({*HERE.glob("holdout[0-9]*/"), *HERE.glob("holdout-*/")}))
SOURCE_KEYS = {"name", "registry", "spec", "filename", "sha256", "strip", "include"}
OPTIONAL_SOURCE_KEYS = {"exclude", "inner_zip", "note"}


def source_from_mapping(entry: Any, where: str) -> Source:
    """Build a Source from one YAML mapping, rejecting missing or unknown keys."""
    if not isinstance(entry, dict):
        raise SystemExit(f"{where}: each source must be a mapping")
    keys = set(entry)
    missing, unknown = SOURCE_KEYS - keys, keys - SOURCE_KEYS - OPTIONAL_SOURCE_KEYS
    if missing or unknown:
        raise SystemExit(
            f"{where}: source {entry.get('name', '?')!r} is missing {sorted(missing)} "
            f"or has unknown keys {sorted(unknown)}"
        )
    if entry["registry"] not in {"pypi", "npm", "deb"}:
        raise SystemExit(f"{where}: registry must be pypi, npm or deb")
    extra: dict[str, Any] = {}
    if "exclude" in entry:
        extra["exclude"] = tuple(str(glob) for glob in entry["exclude"])
    for key in ("inner_zip", "note"):
        if key in entry:
            extra[key] = str(entry[key])
    return Source(
        str(entry["name"]),
        str(entry["registry"]),
        str(entry["spec"]),
        str(entry["filename"]),
        str(entry["sha256"]),
        str(entry["strip"]),
        tuple(str(glob) for glob in entry["include"]),
        **extra,
    )


def sources_in(directory: Path) -> tuple[Source, ...]:
    """The sources declared by every ``*.yaml`` file of a label-set folder, in file order."""
    found: list[Source] = []
    for path in sorted(directory.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
            raise SystemExit(f"{path}: expected a mapping with a 'sources' list and a 'labels' list")
        found.extend(
            source_from_mapping(entry, f"{path}: sources[{index}]")
            for index, entry in enumerate(raw["sources"])
        )
    _refuse_name_clashes(found, str(directory))
    return tuple(found)


def folder_sources() -> tuple[Source, ...]:
    """The sources of every label-set folder, refusing a name two folders both declare."""
    found: list[Source] = []
    for directory in FOLDER_SETS:
        found.extend(sources_in(directory))
    _refuse_name_clashes(found, "the held-out folders")
    return tuple(found)


def _refuse_name_clashes(found: list[Source], where: str) -> None:
    """Each source name is one folder under src/: no two sources, old or new, may share it."""
    names = [source.name for source in found]
    clash = {name for name in names if names.count(name) > 1}
    clash |= set(names) & {source.name for source in (*SOURCES, *HOLDOUT_SOURCES)}
    if clash:
        raise SystemExit(f"{where}: source names used twice: {sorted(clash)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE, help="cache directory")
    parser.add_argument("--force", action="store_true", help="re-extract even if present")
    parser.add_argument("--only", nargs="*", default=None, help="source names to fetch")
    args = parser.parse_args(argv)
    downloads, dest = args.cache / "downloads", args.cache / "src"
    for source in (*SOURCES, *HOLDOUT_SOURCES, *folder_sources()):
        if args.only and source.name not in args.only:
            continue
        archive = download(source, downloads)
        actual = sha256_of(archive)
        if actual != source.sha256:
            raise SystemExit(
                f"{source.name}: {archive.name} has sha256 {actual}, expected {source.sha256}; "
                "the registry served different bytes for a pinned version, so the labels may "
                "no longer match the code. Delete the file to retry, or re-label and re-pin."
            )
        marker = dest / source.name / ".fetched"
        if marker.exists() and marker.read_text() == source.sha256 and not args.force:
            continue
        count = extract(source, archive, dest)
        marker.write_text(source.sha256)
        print(f"{source.name}: {count} files from {source.spec}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
