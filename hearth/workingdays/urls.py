from django.urls import path

from hearth.workingdays import views

app_name = "workingdays"

urlpatterns = [
    path("closure-days/", views.closure_days_view, name="closure_days"),
    path(
        "closure-days/<int:pk>/remove/",
        views.remove_closure_day_view,
        name="remove_closure_day",
    ),
]
