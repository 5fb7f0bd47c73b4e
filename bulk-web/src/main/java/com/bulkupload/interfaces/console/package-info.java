/**
 * The web console (CONTRACT §12): static HTML, CSS and ES modules served by this WAR at
 * {@code /console/}; everything they show comes from the public JSON API in the browser. The only
 * server code is the security headers it is served with.
 */
package com.bulkupload.interfaces.console;
