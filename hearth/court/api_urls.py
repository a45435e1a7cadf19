"""API routes for pre-proceedings and care proceedings, included under /api/v1/ in the api
namespace."""

from django.urls import path

from hearth.court import api_views as views

CHILD = "people/<uuid:person_uuid>/"
CASE = f"{CHILD}legal-cases/<int:legal_case_id>/"

urlpatterns = [
    path(f"{CHILD}legal-cases/", views.LegalCasesView.as_view(), name="child_legal_cases"),
    path(f"{CHILD}legal-gateway-panels/", views.PanelView.as_view(),
         name="record_legal_gateway_panel"),
    path(f"{CHILD}pre-proceedings-census/", views.CensusModuleView.as_view(),
         name="child_pre_proceedings_census"),
    *[path(f"{CASE}{step}/", view.as_view(), name=f"legal_case_{step.replace('-', '_')}")
      for step, view in views.STEPS.items()],
]
