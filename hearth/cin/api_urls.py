"""API routes for cin, included under /api/v1/ in the api namespace."""

urlpatterns: list = []
