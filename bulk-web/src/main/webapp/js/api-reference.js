// The API reference page: Swagger UI reading the server's own OpenAPI document. Try-it-out calls go
// to this origin (the document's server is "/"). No validator badge: it would call a third party.
window.addEventListener('DOMContentLoaded', () => {
  window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
  });
});
