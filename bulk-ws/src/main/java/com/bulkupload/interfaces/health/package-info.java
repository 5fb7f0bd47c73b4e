/** The health probe for load balancers and operators. */
package com.bulkupload.interfaces.health;
