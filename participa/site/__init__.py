"""The site's own pages: health checks, the home page and the language switch."""


def init_app(app):
    from participa.site.header import site_header
    from participa.site.views import bp

    app.register_blueprint(bp)
    app.add_template_global(site_header)
