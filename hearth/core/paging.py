"""What a paged list's links keep: its filters and sort, never its page number."""


def query_params(request) -> dict:
    """The request's query without `page`, for includes/pagination.html's links."""
    return {k: v for k, v in request.GET.items() if k != "page"}
