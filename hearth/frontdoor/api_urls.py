"""API routes for frontdoor, included under /api/v1/ in the api namespace."""

from django.urls import path

from hearth.frontdoor import api_views

urlpatterns = [
    path("contacts/", api_views.ContactsView.as_view(), name="contacts"),
    path("contacts/<int:contact_id>/rating/", api_views.ContactRatingView.as_view(),
         name="contact_rating"),
    path("contacts/<int:contact_id>/decision/", api_views.ContactDecisionView.as_view(),
         name="contact_decision"),
    path("people/<uuid:person_uuid>/contacts/", api_views.ChildContactsView.as_view(),
         name="child_contacts"),
    path("people/<uuid:person_uuid>/referrals/", api_views.ChildReferralsView.as_view(),
         name="child_referrals"),
    path("referrals/<int:referral_id>/", api_views.ReferralView.as_view(), name="referral"),
    path("referrals/<int:referral_id>/closure/", api_views.ReferralClosureView.as_view(),
         name="referral_closure"),
]
