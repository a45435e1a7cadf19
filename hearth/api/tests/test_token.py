from rest_framework.test import APIClient

from hearth.core.models import AuditEvent
from hearth.synthetic.personas import PERSONA_PASSWORD as PASSWORD

TOKEN_URL = "/api/v1/token/"


def obtain(username: str, password: str = PASSWORD, client: APIClient | None = None):
    return (client or APIClient()).post(TOKEN_URL, {"username": username, "password": password},
                                        format="json")


def test_it_issues_a_token_that_opens_the_api(alice, ada):
    response = obtain("sw_alice")

    assert response.status_code == 200
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get(f"/api/v1/people/{ada.uuid}/").status_code == 200


def test_it_audits_the_issue(alice):
    obtain("sw_alice")

    event = AuditEvent.objects.get(event_code="API_TOKEN_ISSUED")
    assert event.actor == alice
    assert event.channel == "api"
    assert event.detail == {"new": True}  # never the token itself


def test_it_gives_the_same_token_again(alice):
    assert obtain("sw_alice").json()["token"] == obtain("sw_alice").json()["token"]


def test_it_refuses_a_wrong_password(alice):
    response = obtain("sw_alice", "not-the-password")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Enter a correct username and password"]}
    assert not AuditEvent.objects.filter(event_code="API_TOKEN_ISSUED").exists()
    assert AuditEvent.objects.filter(event_code="SIGN_IN_FAILED").exists()


def test_it_refuses_an_inactive_user_as_if_the_password_were_wrong(alice):
    alice.is_active = False
    alice.save(update_fields=["is_active"])

    response = obtain("sw_alice")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Enter a correct username and password"]}


def test_it_refuses_a_role_without_the_api(sam):
    response = obtain("admin_sam")

    assert response.status_code == 403
    assert not AuditEvent.objects.filter(event_code="API_TOKEN_ISSUED").exists()


def test_it_needs_a_username_and_password(db):
    response = APIClient().post(TOKEN_URL, {}, format="json")

    assert response.status_code == 400
    assert response.json() == {"username": ["Enter your username"],
                               "password": ["Enter your password"]}


def test_it_throttles_guessing_from_one_address(alice):
    client = APIClient()
    answers = [obtain(f"guess_{n}", "wrong-guess", client).status_code for n in range(11)]

    assert answers[:10] == [400] * 10
    assert answers[10] == 429


def test_five_wrong_passwords_lock_the_username_from_that_address(alice):
    answers = [obtain("sw_alice", "wrong-guess").status_code for _ in range(5)]

    locked = obtain("sw_alice")  # the right password, too late

    assert answers[:4] == [400] * 4 and answers[4] == 429
    assert locked.status_code == 429 and "Wait 15 minutes" in locked.json()["detail"]


def test_a_token_of_a_user_made_inactive_stops_working(alice, ada):
    token = obtain("sw_alice").json()["token"]
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    assert client.get(f"/api/v1/people/{ada.uuid}/").status_code == 401


def test_calls_without_credentials_are_refused_with_401(ada):
    response = APIClient().get(f"/api/v1/people/{ada.uuid}/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_made_up_token_is_refused_with_401(ada):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert client.get(f"/api/v1/people/{ada.uuid}/").status_code == 401
