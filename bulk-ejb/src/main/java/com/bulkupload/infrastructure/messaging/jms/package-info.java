/** The JMS import queue (embedded Artemis): the sender and the message-driven consumer. */
package com.bulkupload.infrastructure.messaging.jms;
