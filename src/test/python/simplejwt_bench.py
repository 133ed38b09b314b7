"""simplejwt's AccessToken(raw) on one token, timed (bench/run.sh): prints microseconds per verification."""
import json
import sys
import timeit
from datetime import timedelta

import django
from django.conf import settings

request = json.load(sys.stdin)
settings.configure(
    SECRET_KEY="bench", INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    SIMPLE_JWT={"ACCESS_TOKEN_LIFETIME": timedelta(hours=1), "ALGORITHM": "HS512", "SIGNING_KEY": request["key"]},
)
django.setup()
from rest_framework_simplejwt.tokens import AccessToken  # noqa: E402

raw = request["token"]
AccessToken(raw)
for _ in range(3):
    timeit.timeit(lambda: AccessToken(raw), number=2000)
runs = [timeit.timeit(lambda: AccessToken(raw), number=5000) / 5000 for _ in range(5)]
print(json.dumps({"simplejwt_us": sorted(runs)[len(runs) // 2] * 1e6}))
