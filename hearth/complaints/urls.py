from django.urls import path

from hearth.complaints import views

app_name = "complaints"
COMPLAINT = "<int:complaint_id>/"
STAGE = f"{COMPLAINT}stages/<int:stage_id>/"
urlpatterns = [
    path("", views.complaints_work_view, name="complaints"),
    path("new/", views.record_complaint_view, name="record_complaint"),
    path("child/<uuid:person_uuid>/", views.child_complaints_view, name="child_complaints"),
    path(COMPLAINT, views.complaint_view, name="complaint"),
    path(f"{COMPLAINT}next-stage/", views.escalate_view, name="escalate_complaint"),
    path(f"{STAGE}extend/", views.extend_stage_view, name="extend_stage"),
    path(f"{STAGE}respond/", views.respond_view, name="respond_to_stage"),
    path(f"{STAGE}learning/", views.learning_view, name="record_learning"),
    path(f"{STAGE}check-reason/", views.check_reason_view, name="check_lateness_reason"),
    path(f"{STAGE}reason/", views.amend_reason_view, name="amend_lateness_reason"),
    path("report/", views.complaint_report_view, name="complaint_report"),
    path("feedback/", views.feedback_list_view, name="feedback"),
    path("feedback/new/", views.record_feedback_view, name="record_feedback"),
]
