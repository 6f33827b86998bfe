# Textes des pages de la documentation générée par errcat (Markdown, HTML, OpenAPI) : français.
# Variables : voir en-US.ftl ; terminologie : voir README.md.

language_name = Français
title = Codes d’erreur { $catalog }
intro = Les { $count } codes d’erreur de { $catalog }, regroupés par famille, avec pour chacun le statut HTTP renvoyé, sa signification et la marche à suivre.
families = Familles
code = Code
status = Statut HTTP
description = Description
details = Précisions
suggestion = Marche à suivre
none = aucune
no_suggestion = Aucune marche à suivre.
retired = Retiré
fallback = Pas encore traduit : affiché en { $locale }.
search = Rechercher
search_placeholder = Filtrer par code, statut ou texte
search_count = { $shown } codes sur { $total }
no_match = Aucun code ne correspond.
footer = Généré par errcat à partir du catalogue { $catalog }.
openapi_error_code = Un code d’erreur de { $catalog }.
openapi_error_msg = Le message, dans la langue indiquée par l’en-tête Content-Language.
openapi_error_response = Le corps de la réponse à une requête en échec.
openapi_content_language = La langue de error_msg.
openapi_status_schema = Une erreur renvoyée avec le statut HTTP { $status } { $reason } : error_code est l’un des codes de ce statut.
openapi_response = { $reason } : une erreur renvoyée avec le statut HTTP { $status }.
openapi_status_problem = Une erreur renvoyée avec le statut HTTP { $status } { $reason } sous forme de détails de problème RFC 9457 : code est l’un des codes de ce statut.
openapi_status_openstack = Une erreur renvoyée avec le statut HTTP { $status } { $reason } sous forme d’erreur OpenStack { $fault }.
openapi_doc_url = La page de documentation de error_code, dans la langue du message.
openapi_problem = Détails de problème RFC 9457 (application/problem+json) d’une requête en échec.
openapi_problem_type = La page de documentation du code, dans la langue du message ; about:blank si le catalogue n’en a pas.
openapi_problem_title = Le message, dans la langue indiquée par l’en-tête Content-Language.
openapi_problem_status = Le statut HTTP.
openapi_problem_detail = Ce que l’utilisateur peut faire (la marche à suivre) ; à défaut, le message lui-même.
openapi_fault = Le corps d’erreur des services OpenStack : un seul membre, nommé d’après le statut HTTP (badRequest, itemNotFound, computeFault…).
openapi_fault_detail = Le statut HTTP et le message.
