import pytest

pytest_plugins = ["hearth.synthetic.fixtures"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is deliberately slow; tests sign people in with force_login or a cheap hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _jobs_run_inline(settings):
    # Background jobs (django-tasks) run inside the request that queues them (ADR 0029).
    settings.TASKS = {"default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}
