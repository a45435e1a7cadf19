"""API routes for frontdoor, included under /api/v1/ in the api namespace."""

urlpatterns: list = []
