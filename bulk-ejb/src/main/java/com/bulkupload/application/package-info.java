/**
 * Application services: the operations every protocol adapter calls (bulk upload, authentication,
 * admin, health), transactions and start-up. Adapters translate; the decisions are made here.
 */
package com.bulkupload.application;
