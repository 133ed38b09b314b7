"""The article's Django auth service, as far as the import needs it: Django's auth app on a SQLite file, the
article's RegistrationForm/RegistrationView and LoginForm/LoginView (a UUID4 in the username, simplejwt tokens in the
article's cookies), driven through Django's test client so people are made the way the article makes them (real
PBKDF2 hashes at Django's iteration count). Used by DjangoImportIT:

    python3 django_auth.py DB_PATH < spec.json > result.json

spec: {"key": signing key, "register": [{first_name, last_name, email, password}], "login": [{email, password}],
       "orm": [{username, email, password (with hasher) | hash | unusable, is_staff, is_superuser, is_active}],
       "bulk": {"count": N, "password": P}, "dump": path for manage.py dumpdata auth.user}
result: {"users": [...auth_user rows...], "cookies": {email: {"access": ..., "refresh": ...}}, "iterations": N}
"""
import json
import sys
from datetime import timedelta
from uuid import uuid4

import django
from django.conf import settings

spec = json.load(sys.stdin)
settings.configure(
    DEBUG=False,
    SECRET_KEY="django-auth-test-only",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    USE_TZ=True,
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sessions",
                    "django.contrib.messages"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": sys.argv[1]}},
    MIDDLEWARE=["django.contrib.sessions.middleware.SessionMiddleware",
                "django.contrib.auth.middleware.AuthenticationMiddleware",
                "django.contrib.messages.middleware.MessageMiddleware"],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates",
                "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", {
                    "jwtauth/register.html": "{{ form.errors }}", "jwtauth/login.html": "{{ form.errors }}"})],
                    "context_processors": ["django.contrib.messages.context_processors.messages"]}}],
    SIMPLE_JWT={"ACCESS_TOKEN_LIFETIME": timedelta(minutes=5), "REFRESH_TOKEN_LIFETIME": timedelta(days=14),
                "ALGORITHM": "HS512", "SIGNING_KEY": spec["key"]},
    COOKIE_DOMAIN=None,
    # Django's default list with Argon2 (Debian's python3-argon2) allowed for people made with "hasher": "argon2"
    PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher",
                      "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
                      "django.contrib.auth.hashers.Argon2PasswordHasher",
                      "django.contrib.auth.hashers.BCryptSHA256PasswordHasher"],
)
django.setup()

from django import forms  # noqa: E402
from django.contrib import messages  # noqa: E402
from django.contrib.auth import authenticate, get_user_model, login  # noqa: E402
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.generic import FormView  # noqa: E402
from rest_framework_simplejwt.tokens import RefreshToken  # noqa: E402

UserModel = get_user_model()
ACCESS_COOKIE_NAME = "org.breakthesystem.jwt.access"
REFRESH_COOKIE_NAME = "org.breakthesystem.jwt.refresh"


class TokenPayloadMixin:
    def prepare_token_payload(self, user, access_token):
        access_token.payload["user_uuid"] = user.username
        access_token.payload["user_email"] = user.email
        access_token.payload["user_is_staff"] = user.is_staff
        access_token.payload["user_is_superuser"] = user.is_superuser
        access_token.payload["user_first_name"] = user.first_name
        access_token.payload["user_last_name"] = user.last_name
        return access_token

    def set_cookies(self, response, access_token, refresh_token):
        domain = settings.COOKIE_DOMAIN
        response.set_cookie(ACCESS_COOKIE_NAME, str(access_token), domain=domain, httponly=True)
        response.set_cookie(REFRESH_COOKIE_NAME, str(refresh_token), domain=domain, httponly=True)


class RegistrationForm(forms.Form):
    first_name = forms.CharField()
    last_name = forms.CharField()
    email = forms.EmailField()
    password = forms.CharField(strip=False)
    confirm_password = forms.CharField(strip=False)

    def clean(self):
        password = self.cleaned_data.get("password")
        password2 = self.cleaned_data.get("confirm_password")
        if "email" not in self.cleaned_data:
            raise forms.ValidationError("Please enter a valid email address.", code="email_invalid")
        # the article compares addresses exactly: Ann@… and ann@… can both register
        if UserModel.objects.filter(email=self.cleaned_data["email"]).count() > 0:
            raise forms.ValidationError("Sorry, that email address is already taken.", code="email_already_taken")
        if password and password2 and password != password2:
            raise forms.ValidationError("Your passwords do not match.")
        return self.cleaned_data


class RegistrationView(TokenPayloadMixin, FormView):
    template_name = "jwtauth/register.html"
    form_class = RegistrationForm
    success_url = "/"

    def form_valid(self, form):
        user = UserModel.objects.create_user(username=uuid4(), email=form.cleaned_data["email"],
                                             password=form.cleaned_data["password"])
        user.first_name = form.cleaned_data["first_name"]
        user.last_name = form.cleaned_data["last_name"]
        user.save()
        messages.success(self.request, "Your account was successfully created. Please log in now.")
        return super().form_valid(form)


class LoginForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(strip=False)

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user_cache = None
        super().__init__(*args, **kwargs)

    def clean(self):
        email = self.cleaned_data.get("email")
        password = self.cleaned_data.get("password")
        if email is not None and password:
            try:
                user = UserModel.objects.get(email=email)
                self.user_cache = authenticate(self.request, username=user.username, password=password)
                if self.user_cache is None:
                    raise forms.ValidationError("invalid login", code="invalid_login")
            except UserModel.DoesNotExist:
                raise forms.ValidationError("invalid login", code="invalid_login")
        return self.cleaned_data


class LoginView(TokenPayloadMixin, FormView):
    template_name = "jwtauth/login.html"
    form_class = LoginForm
    success_url = "/"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["request"] = self.request
        return kwargs

    def form_valid(self, form):
        user = form.user_cache
        login(self.request, user)
        refresh_token = RefreshToken.for_user(user)
        access_token = self.prepare_token_payload(user, refresh_token.access_token)
        response = super().form_valid(form)
        self.set_cookies(response, access_token, refresh_token)
        return response


urlpatterns = [path("register", RegistrationView.as_view()), path("login", LoginView.as_view())]

call_command("migrate", verbosity=0)
client = Client()
for person in spec.get("register", []):
    answer = client.post("/register", dict(person, confirm_password=person["password"]))
    if answer.status_code != 302:
        sys.exit("registration refused: " + answer.content.decode())
for person in spec.get("orm", []):
    user = UserModel(username=person["username"], email=person.get("email", ""),
                     first_name=person.get("first_name", ""), last_name=person.get("last_name", ""),
                     is_staff=person.get("is_staff", False), is_superuser=person.get("is_superuser", False),
                     is_active=person.get("is_active", True))
    if person.get("unusable"):
        user.set_unusable_password()
    elif "hash" in person:
        user.password = person["hash"]
    else:
        user.password = make_password(person["password"], hasher=person.get("hasher", "default"))
    user.save()
bulk = spec.get("bulk")
if bulk:
    shared = make_password(bulk["password"])
    UserModel.objects.bulk_create([UserModel(username=str(uuid4()), email="person%d@bulk.example.test" % i,
                                             first_name="Person", last_name=str(i), password=shared)
                                   for i in range(bulk["count"])], batch_size=2000)
cookies = {}
for person in spec.get("login", []):
    browser = Client()
    answer = browser.post("/login", person)
    if answer.status_code != 302:
        sys.exit("login refused: " + answer.content.decode())
    cookies[person["email"]] = {"access": browser.cookies[ACCESS_COOKIE_NAME].value,
                                "refresh": browser.cookies[REFRESH_COOKIE_NAME].value}
if spec.get("dump"):
    call_command("dumpdata", "auth.user", output=spec["dump"], verbosity=0)
users = list(UserModel.objects.order_by("id").values("id", "username", "email", "first_name", "last_name",
                                                     "is_active", "is_staff", "is_superuser", "password"))
for user in users:
    user["scheme"] = user.pop("password").split("$")[0]
json.dump({"users": users, "cookies": cookies, "iterations": PBKDF2PasswordHasher.iterations}, sys.stdout)
