"""Serving a clip: strong ETag (its key), cached for a year, 304 when the browser has it."""

from flask import Response, abort, request

from webapp.audio import bp, service

ONE_YEAR = 31_536_000


def _cached(response: Response, key: str) -> Response:
    response.set_etag(key)
    response.cache_control.public = True
    response.cache_control.max_age = ONE_YEAR
    response.cache_control.immutable = True
    return response


@bp.get("/<token>")
def clip(token: str):
    text = service.text_of(token)
    if text is None:
        abort(404)
    key = service.stored_key(text)
    if key is not None and key in request.if_none_match:
        return _cached(Response(status=304), key)
    clip, key = service.clip_of(text)
    return _cached(Response(clip.data, mimetype=clip.mimetype), key)
