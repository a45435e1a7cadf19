from django.urls import path

from hearth.court import views

app_name = "court"
CHILD = "child/<uuid:person_uuid>/"
CASE = f"{CHILD}cases/<int:legal_case_id>/"
urlpatterns = [
    path(CHILD, views.child_court_view, name="child_court"),
    path(f"{CHILD}panel/", views.record_panel_view, name="record_panel"),
    path(f"{CASE}letter/", views.send_letter_view, name="send_letter"),
    path(f"{CASE}meeting/", views.record_meeting_view, name="record_meeting"),
    path(f"{CASE}outcome/", views.record_outcome_view, name="record_outcome"),
    path(f"{CASE}application/", views.record_application_view, name="record_application"),
    path(f"{CASE}hearing/", views.record_hearing_view, name="record_hearing"),
    path(f"{CASE}interim-order/", views.record_interim_order_view, name="record_interim_order"),
    path(f"{CASE}extension/", views.record_extension_view, name="record_extension"),
    path(f"{CASE}final-order/", views.record_final_order_view, name="record_final_order"),
    path("plo-tracker/", views.plo_tracker_view, name="plo_tracker"),
]
