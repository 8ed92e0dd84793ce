/** Entente application root: bootstraps the modules below. */
package org.entente;
