# Seitentexte der von errcat erzeugten Dokumentation (Markdown, HTML, OpenAPI): Deutsch.
# Variablen siehe en-US.ftl, Begriffe siehe README.md.

language_name = Deutsch
title = Fehlercodes von { $catalog }
intro = Alle { $count } Fehlercodes von { $catalog }, nach Bereichen gruppiert, jeweils mit dem HTTP-Status, der Bedeutung und der empfohlenen Abhilfe.
families = Bereiche
code = Code
status = HTTP-Status
description = Beschreibung
details = Erläuterung
suggestion = Abhilfe
none = keine
no_suggestion = Keine Abhilfe bekannt.
retired = Nicht mehr verwendet
fallback = Noch nicht übersetzt: angezeigt auf { $locale }.
search = Suchen
search_placeholder = Nach Code, Status oder Text filtern
search_count = { $shown } von { $total } Codes
no_match = Kein Code passt.
footer = Von errcat aus dem Katalog { $catalog } erzeugt.
openapi_error_code = Ein Fehlercode von { $catalog }.
openapi_error_msg = Die Meldung, in der Sprache, die der Content-Language-Header nennt.
openapi_error_response = Der Rumpf einer fehlgeschlagenen Anfrage.
openapi_content_language = Die Sprache von error_msg.
openapi_status_schema = Ein Fehler, der mit HTTP { $status } { $reason } beantwortet wird: error_code ist einer der Codes dieses Status.
openapi_response = { $reason }: ein Fehler, der mit HTTP { $status } beantwortet wird.
openapi_status_problem = Ein Fehler, der mit HTTP { $status } { $reason } als RFC-9457-Problemdetails beantwortet wird: code ist einer der Codes dieses Status.
openapi_status_openstack = Ein Fehler, der mit HTTP { $status } { $reason } als OpenStack-Fault { $fault } beantwortet wird.
openapi_doc_url = Die Dokumentationsseite von error_code, in der Sprache der Meldung.
openapi_problem = RFC-9457-Problemdetails (application/problem+json) einer fehlgeschlagenen Anfrage.
openapi_problem_type = Die Dokumentationsseite des Codes, in der Sprache der Meldung; about:blank, wenn der Katalog keine hat.
openapi_problem_title = Die Meldung, in der Sprache, die der Content-Language-Header nennt.
openapi_problem_status = Der HTTP-Status.
openapi_problem_detail = Was der Benutzer tun kann (die Abhilfe); noch einmal die Meldung, wenn der Code keine Abhilfe hat.
openapi_fault = Der Fault-Rumpf von OpenStack-Diensten: ein Element, benannt nach dem HTTP-Status (badRequest, itemNotFound, computeFault, ...).
openapi_fault_detail = Der HTTP-Status und die Meldung.
