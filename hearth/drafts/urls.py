from django.urls import path

from hearth.drafts import views

app_name = "drafts"
urlpatterns = [
    path("", views.draft_view, name="draft"),
    path("save/", views.save_draft_view, name="save"),
    path("discard/", views.discard_draft_view, name="discard"),
]
