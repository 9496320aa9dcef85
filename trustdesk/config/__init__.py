"""The trust's configuration (hierarchy and lists: :mod:`trustdesk.config.trust`, read with
pydantic) and its reporting periods (:mod:`trustdesk.config.periods`, light enough for the
window to use before the database and validation libraries are loaded). Import each from its
own module, so that using a period never loads the configuration's libraries."""
