"""API routes for assessments, included under /api/v1/ in the api namespace."""

urlpatterns: list = []
