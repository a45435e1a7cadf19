from django.urls import path

from hearth.frontdoor import contact_views, queue_views, record_views, referral_views

app_name = "frontdoor"
urlpatterns = [
    path("", queue_views.mash_queue_view, name="mash_queue"),
    path("contacts/new/", queue_views.choose_child_view, name="choose_child"),
    path("child/<uuid:person_uuid>/", record_views.child_front_door_view,
         name="child_front_door"),
    path("child/<uuid:person_uuid>/contacts/new/", contact_views.record_contact_view,
         name="record_contact"),
    path("child/<uuid:person_uuid>/contacts/<int:contact_id>/", contact_views.contact_view,
         name="contact"),
    path("child/<uuid:person_uuid>/contacts/<int:contact_id>/rate/",
         contact_views.rate_contact_view, name="rate_contact"),
    path("child/<uuid:person_uuid>/contacts/<int:contact_id>/decide/",
         contact_views.decide_contact_view, name="decide_contact"),
    path("child/<uuid:person_uuid>/referrals/new/", referral_views.record_referral_view,
         name="record_referral"),
    path("child/<uuid:person_uuid>/referrals/<int:referral_id>/change/",
         referral_views.change_referral_view, name="change_referral"),
    path("child/<uuid:person_uuid>/referrals/<int:referral_id>/close/",
         referral_views.close_referral_view, name="close_referral"),
]
