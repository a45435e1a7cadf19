"""API routes for protection, included under /api/v1/ in the api namespace."""

urlpatterns: list = []
