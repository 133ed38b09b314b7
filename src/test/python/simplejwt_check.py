"""Independent check of Latchkey tokens with the article's own stack (Debian's python3-djangorestframework-simplejwt
and python3-jwt). Reads JSON {"key", "token"} on stdin, or {"key", "mint": {claims}} to mint one the article's way,
or {"algorithm": "RS256", "jwk_url": ..., "token"} to verify with Latchkey's published keys (simplejwt's JWK_URL);
prints JSON on stdout. Exit code 0 when simplejwt accepted the token, 3 when it refused it."""
import json
import sys
from datetime import timedelta

import django
from django.conf import settings

request = json.load(sys.stdin)
algorithm = request.get("algorithm", "HS512")
jwk_url = request.get("jwk_url")
settings.configure(
    SECRET_KEY="not-used-by-these-checks",
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    SIMPLE_JWT={
        "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
        "REFRESH_TOKEN_LIFETIME": timedelta(days=5),
        "ALGORITHM": algorithm,
        "SIGNING_KEY": request.get("key", "only-for-hmac"),
        "JWK_URL": jwk_url,
    },
)
django.setup()

import jwt  # noqa: E402  (PyJWT, configured after Django)
from rest_framework_simplejwt.exceptions import TokenError  # noqa: E402
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken  # noqa: E402

if "mint" in request:
    # The article's way: RefreshToken.for_user-style claims, then the access token with user_* claims added.
    refresh = RefreshToken()
    refresh["user_id"] = request["mint"]["user_id"]
    access = refresh.access_token
    for name, value in request["mint"].items():
        access[name] = value
    print(json.dumps({"access": str(access), "refresh": str(refresh)}))
    sys.exit(0)

raw = request["token"]
kind = request.get("kind", "access")
try:
    token = AccessToken(raw) if kind == "access" else RefreshToken(raw)
except TokenError as e:
    print(json.dumps({"accepted": False, "error": str(e)}))
    sys.exit(3)

header = jwt.get_unverified_header(raw)
if jwk_url:
    verifying_key = jwt.PyJWKClient(jwk_url).get_signing_key_from_jwt(raw).key
    payload = jwt.decode(raw, verifying_key, algorithms=[algorithm])
else:
    payload = jwt.decode(raw, request["key"], algorithms=["HS512"])
print(json.dumps({
    "accepted": True,
    "header": header,
    "payload": dict(token.payload),
    "pyjwt_payload": payload,
    "types": {name: type(value).__name__ for name, value in token.payload.items()},
}))
