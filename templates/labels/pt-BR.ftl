# Textos das páginas da documentação gerada pelo errcat (Markdown, HTML, OpenAPI): português do Brasil.
# Variáveis: veja en-US.ftl; terminologia: veja README.md.

language_name = Português
title = Códigos de erro de { $catalog }
intro = Todos os { $count } códigos de erro de { $catalog }, agrupados por família, com o status HTTP de cada um, o que significa e o que fazer.
families = Famílias
code = Código
status = Status HTTP
description = Descrição
details = Detalhes
suggestion = O que fazer
none = nada
no_suggestion = Sem orientação.
retired = Descontinuado
fallback = Ainda não traduzido: exibido em { $locale }.
search = Pesquisar
search_placeholder = Filtrar por código, status ou texto
search_count = { $shown } de { $total } códigos
no_match = Nenhum código corresponde.
footer = Gerado pelo errcat a partir do catálogo { $catalog }.
openapi_error_code = Um código de erro de { $catalog }.
openapi_error_msg = A mensagem, no idioma indicado pelo cabeçalho Content-Language.
openapi_error_response = O corpo de uma requisição com falha.
openapi_content_language = O idioma de error_msg.
openapi_status_schema = Um erro respondido com HTTP { $status } { $reason }: error_code é um dos códigos desse status.
openapi_response = { $reason }: um erro respondido com HTTP { $status }.
openapi_status_problem = Um erro respondido com HTTP { $status } { $reason } como detalhes de problema RFC 9457: code é um dos códigos desse status.
openapi_status_openstack = Um erro respondido com HTTP { $status } { $reason } como falha { $fault } do OpenStack.
openapi_doc_url = A página de documentação de error_code, no idioma da mensagem.
openapi_problem = Detalhes de problema RFC 9457 (application/problem+json) de uma requisição com falha.
openapi_problem_type = A página de documentação do código, no idioma da mensagem; about:blank quando o catálogo não tem.
openapi_problem_title = A mensagem, no idioma indicado pelo cabeçalho Content-Language.
openapi_problem_status = O status HTTP.
openapi_problem_detail = O que o usuário pode fazer (a orientação); a própria mensagem quando o código não tem orientação.
openapi_fault = O corpo de falha dos serviços OpenStack: um único membro, com o nome do status HTTP (badRequest, itemNotFound, computeFault, ...).
openapi_fault_detail = O status HTTP e a mensagem.
