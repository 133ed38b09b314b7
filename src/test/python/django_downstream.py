"""A downstream Django service as the article's part two would write it: a middleware that validates Latchkey's
access cookie with simplejwt's AccessToken and the shared key, and a view that shows every claim. Started by
DownstreamIT on loopback: python3 django_downstream.py PORT, with JWT_SIGNING_KEY in the environment."""
import json
import os
import sys
from datetime import timedelta
from wsgiref.simple_server import WSGIRequestHandler, make_server

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="downstream-test-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    MIDDLEWARE=[__name__ + ".LatchkeyCookieMiddleware"],
    SIMPLE_JWT={
        "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
        "ALGORITHM": "HS512",
        "SIGNING_KEY": os.environ["JWT_SIGNING_KEY"],
    },
)
django.setup()

from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework_simplejwt.exceptions import TokenError  # noqa: E402
from rest_framework_simplejwt.tokens import AccessToken  # noqa: E402

COOKIE = os.environ.get("LATCHKEY_COOKIE", "latchkey.access")


class LatchkeyCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.latchkey = None
        raw = request.COOKIES.get(COOKIE)
        if raw:
            try:
                request.latchkey = AccessToken(raw)
            except TokenError:
                request.latchkey = None
        return self.get_response(request)


def whoami(request):
    if request.latchkey is None:
        return JsonResponse({"detail": "not signed in"}, status=401)
    payload = dict(request.latchkey.payload)
    return JsonResponse({"claims": payload, "types": {k: type(v).__name__ for k, v in payload.items()}})


urlpatterns = [path("whoami", whoami), path("health", lambda r: JsonResponse({"ok": True}))]


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    from django.core.wsgi import get_wsgi_application
    server = make_server("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), handler_class=Quiet)
    print("serving", flush=True)
    server.serve_forever()
