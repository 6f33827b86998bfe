# Textos de las páginas de la documentación que genera errcat (Markdown, HTML, OpenAPI): español.
# Variables: véase en-US.ftl; terminología: véase README.md.

language_name = Español
title = Códigos de error de { $catalog }
intro = Los { $count } códigos de error de { $catalog }, agrupados por familia, con el estado HTTP con que se devuelve cada uno, su significado y qué hacer.
families = Familias
code = Código
status = Estado HTTP
description = Descripción
details = Detalles
suggestion = Qué hacer
none = nada
no_suggestion = Sin indicaciones.
retired = Retirado
fallback = Aún sin traducir: se muestra en { $locale }.
search = Buscar
search_placeholder = Filtrar por código, estado o texto
search_count = { $shown } de { $total } códigos
no_match = Ningún código coincide.
footer = Generado por errcat a partir del catálogo { $catalog }.
openapi_error_code = Un código de error de { $catalog }.
openapi_error_msg = El mensaje, en el idioma que indica la cabecera Content-Language.
openapi_error_response = El cuerpo de una solicitud fallida.
openapi_content_language = El idioma de error_msg.
openapi_status_schema = Un error devuelto con HTTP { $status } { $reason }: error_code es uno de los códigos de ese estado.
openapi_response = { $reason }: un error devuelto con HTTP { $status }.
openapi_status_problem = Un error devuelto con HTTP { $status } { $reason } como detalles de problema RFC 9457: code es uno de los códigos de ese estado.
openapi_status_openstack = Un error devuelto con HTTP { $status } { $reason } como fallo { $fault } de OpenStack.
openapi_doc_url = La página de documentación de error_code, en el idioma del mensaje.
openapi_problem = Detalles de problema RFC 9457 (application/problem+json) de una solicitud fallida.
openapi_problem_type = La página de documentación del código, en el idioma del mensaje; about:blank si el catálogo no tiene.
openapi_problem_title = El mensaje, en el idioma que indica la cabecera Content-Language.
openapi_problem_status = El estado HTTP.
openapi_problem_detail = Lo que puede hacer el usuario (qué hacer); de nuevo el mensaje si el código no tiene indicaciones.
openapi_fault = El cuerpo de fallo de los servicios de OpenStack: un único miembro, con el nombre del estado HTTP (badRequest, itemNotFound, computeFault, ...).
openapi_fault_detail = El estado HTTP y el mensaje.
