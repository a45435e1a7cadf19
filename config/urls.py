from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from hearth.accounts import views as account_views
from hearth.core import views as core_views
from hearth.core.permissions import signed_in

urlpatterns = [
    path("", core_views.home, name="home"),
    path("sign-in/", account_views.SignInView.as_view(), name="login"),
    path("sign-out/", account_views.SignOutView.as_view(), name="logout"),
    path("sign-in/code/", account_views.two_factor_verify_view, name="two_factor_verify"),
    path("sign-in/set-up-app/", account_views.two_factor_setup_view, name="two_factor_setup"),
    path("people/", include("hearth.people.urls")),
    path("drafts/", include("hearth.drafts.urls")),
    path("teams/", include("hearth.cases.urls")),
    path("work/", include("hearth.cases.work_urls")),
    path("front-door/", include("hearth.frontdoor.urls")),
    path("assessments/", include("hearth.assessments.urls")),
    path("child-protection/", include("hearth.protection.urls")),
    path("child-in-need/", include("hearth.cin.urls")),
    path("care/", include("hearth.care.urls")),
    path("missing/", include("hearth.missing.urls")),
    path("leaving-care/", include("hearth.leaving_care.urls")),
    path("iro/", include("hearth.iro.urls")),
    path("fostering/", include("hearth.fostering.urls")),
    path("workforce/", include("hearth.workforce.urls")),
    path("complaints/", include("hearth.complaints.urls")),
    path("case-audits/", include("hearth.audits.urls")),
    path("governance/", include("hearth.governance.urls")),
    path("lado/", include("hearth.lado.urls")),
    path("court/", include("hearth.court.urls")),
    path("health-education/", include("hearth.health_education.urls")),
    path("permanence/", include("hearth.permanence.urls")),
    path("performance/", include("hearth.performance.urls")),
    path("returns/", include("hearth.returns.urls")),
    path("data-quality/", include("hearth.dataquality.urls")),
    path("audit/", include("hearth.core.urls")),
    path("working-days/", include("hearth.workingdays.urls")),
    path("api/v1/", include("hearth.api.urls")),
    path("api/v1/schema/", signed_in(SpectacularAPIView.as_view()), name="api_schema"),
    # Redoc styles itself inline and parses the schema in a worker: allowed on this page only.
    path("api/v1/docs/", signed_in(csp_update({"style-src": ["'unsafe-inline'"],
                                               "worker-src": ["blob:"]})(
        SpectacularRedocView.as_view(url_name="api_schema"))), name="api_docs"),
]

handler404 = "hearth.core.views.not_found"
handler403 = "hearth.core.views.forbidden"
handler500 = "hearth.core.views.server_error"
