/**
 * The HTTP-only parts of the dlbugs service's wire format: the batch answer, health and error
 * bodies, records that Jackson writes. The classify request and answer themselves live in
 * {@code dlbugs.model.api}, shared with {@code dlbugs classify}, so both entry points accept and
 * answer alike. Every error body is an {@link dlbugs.serve.api.ErrorResponse}.
 */
package dlbugs.serve.api;
