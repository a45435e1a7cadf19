"""API routes for care leavers, included under /api/v1/ in the api namespace."""

from django.urls import path

from hearth.leaving_care import api_views as views

CL = "people/<uuid:person_uuid>/care-leaver/"

urlpatterns = [
    path("care-leavers/", views.CareLeaversView.as_view(), name="care_leavers"),
    path("care-leavers/figures/", views.FiguresView.as_view(), name="care_leaver_figures"),
    path(CL, views.CareLeaverView.as_view(), name="care_leaver"),
    path(f"{CL}category/", views.CategoryView.as_view(), name="care_leaver_category"),
    path(f"{CL}personal-adviser/", views.AdviserView.as_view(), name="care_leaver_adviser"),
    path(f"{CL}needs-assessment/", views.NeedsAssessmentView.as_view(),
         name="care_leaver_needs_assessment"),
    path(f"{CL}pathway-plan/", views.PathwayPlanView.as_view(), name="care_leaver_pathway_plan"),
    path(f"{CL}pathway-plan/reviews/", views.ReviewView.as_view(), name="care_leaver_review"),
    path(f"{CL}contacts/", views.ContactView.as_view(), name="care_leaver_contacts"),
    path(f"{CL}situations/", views.SituationView.as_view(), name="care_leaver_situations"),
    path(f"{CL}staying-put/", views.StayingPutView.as_view(), name="care_leaver_staying_put"),
    path(f"{CL}staying-put/end/", views.EndStayingPutView.as_view(),
         name="care_leaver_end_staying_put"),
    path(f"{CL}entitlements/", views.EntitlementView.as_view(), name="care_leaver_entitlements"),
    path(f"{CL}entitlements/<int:entitlement_id>/take-up/", views.TakeUpView.as_view(),
         name="care_leaver_entitlement_take_up"),
    path(f"{CL}support-to-25/", views.SupportTo25View.as_view(),
         name="care_leaver_support_to_25"),
]
