from django.urls import path

from hearth.leaving_care import list_views
from hearth.leaving_care import record_views as views

app_name = "leaving_care"
YP = "young-person/<uuid:person_uuid>/"
urlpatterns = [
    path("", list_views.care_leavers_view, name="care_leavers"),
    path("figures/", list_views.care_leaver_figures_view, name="care_leaver_figures"),
    path(YP, views.child_leaving_care_view, name="child_leaving_care"),
    path(f"{YP}record/", views.record_care_leaver_view, name="record_care_leaver"),
    path(f"{YP}category/", views.change_category_view, name="change_category"),
    path(f"{YP}personal-adviser/", views.allocate_adviser_view, name="allocate_adviser"),
    path(f"{YP}needs-assessment/", views.needs_assessment_view, name="record_needs_assessment"),
    path(f"{YP}pathway-plan/", views.agree_pathway_plan_view, name="agree_pathway_plan"),
    path(f"{YP}pathway-plan/review/", views.review_pathway_plan_view,
         name="review_pathway_plan"),
    path(f"{YP}contacts/add/", views.record_contact_view, name="record_contact"),
    path(f"{YP}accommodation-and-activity/add/", views.record_situation_view,
         name="record_situation"),
    path(f"{YP}staying-put/add/", views.start_staying_put_view, name="start_staying_put"),
    path(f"{YP}staying-put/end/", views.end_staying_put_view, name="end_staying_put"),
    path(f"{YP}entitlements/add/", views.offer_entitlement_view, name="offer_entitlement"),
    path(f"{YP}entitlements/<int:entitlement_id>/take-up/", views.entitlement_take_up_view,
         name="entitlement_take_up"),
    path(f"{YP}support-to-25/", views.support_to_25_view, name="support_to_25"),
]
